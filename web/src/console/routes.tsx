import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { LoginPage } from './pages/LoginPage';
import { Shell } from './Shell';
import { useSession } from './session';

// Each page is its own chunk: the first page loads only what it needs.
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const WorkbenchPage = lazy(() => import('./pages/workbench/WorkbenchPage'));
const ComplaintPage = lazy(() => import('./pages/complaint/ComplaintPage'));
const RegisterPage = lazy(() => import('./pages/register/RegisterPage'));
const ApprovalsPage = lazy(() => import('./pages/complaint/ApprovalsPage'));
const AdminPage = lazy(() => import('./pages/admin/AdminPage'));
const CasesPage = lazy(() => import('./pages/cases/CasesPage'));
const SecurityPage = lazy(() => import('./pages/security/SecurityPage'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage'));

export function ConsoleRoutes() {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <Spin fullscreen />;
  if (!user)
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to="/login" state={{ from: location.pathname }} replace />} />
      </Routes>
    );
  return (
    <Shell>
      <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
        <Routes>
          <Route path="/" element={<DashboardPage />} />
          <Route path="/workbench" element={<WorkbenchPage />} />
          <Route path="/complaints/:number" element={<ComplaintPage />} />
          <Route path="/register" element={<RegisterPage />} />
          <Route path="/approvals" element={<ApprovalsPage />} />
          <Route path="/cases" element={<CasesPage />} />
          <Route path="/security" element={<SecurityPage />} />
          <Route path="/admin/*" element={<AdminPage />} />
          <Route path="/audit" element={<AuditPage />} />
          {/* Just signed in: back to the page that sent the user to sign in. */}
          <Route
            path="/login"
            element={
              <Navigate to={(location.state as { from?: string } | null)?.from ?? '/workbench'} replace />
            }
          />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}
