import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Shell } from './Shell';
import { useSession } from './session';

// Each page is its own chunk: the first page loads only what it needs.
const pages = {
  dashboard: () => import('./pages/dashboard/DashboardPage'),
  workbench: () => import('./pages/workbench/WorkbenchPage'),
  complaints: () => import('./pages/complaint/ComplaintPage'),
  register: () => import('./pages/register/RegisterPage'),
  approvals: () => import('./pages/complaint/ApprovalsPage'),
  admin: () => import('./pages/admin/AdminPage'),
  cases: () => import('./pages/cases/CasesPage'),
  disclosures: () => import('./pages/disclosure/DisclosurePage'),
  reports: () => import('./pages/reports/ReportsPage'),
  quality: () => import('./pages/quality/QualityPage'),
  qualityCheck: () => import('./pages/quality/CheckPage'),
  'return-visits': () => import('./pages/return-visits/ReturnVisitsPage'),
  'corrective-actions': () => import('./pages/corrective-actions/CorrectiveActionsPage'),
  warnings: () => import('./pages/warnings/WarningsPage'),
  assessment: () => import('./pages/assessment/AssessmentPage'),
  unitAssessment: () => import('./pages/assessment/UnitAssessmentPage'),
  appeals: () => import('./pages/appeals/AppealsPage'),
  security: () => import('./pages/security/SecurityPage'),
  audit: () => import('./pages/audit/AuditPage'),
  topics: () => import('./pages/topics/TopicsPage'),
  analysis: () => import('./pages/analysis/AnalysisPage'),
  customers: () => import('./pages/customers/CustomersPage'),
  customer: () => import('./pages/customers/CustomerPage'),
  login: () => import('./pages/LoginPage'),
};
const DashboardPage = lazy(pages.dashboard);
const WorkbenchPage = lazy(pages.workbench);
const ComplaintPage = lazy(pages.complaints);
const RegisterPage = lazy(pages.register);
const ApprovalsPage = lazy(pages.approvals);
const AdminPage = lazy(pages.admin);
const CasesPage = lazy(pages.cases);
const DisclosurePage = lazy(pages.disclosures);
const ReportsPage = lazy(pages.reports);
const QualityPage = lazy(pages.quality);
const QualityCheckPage = lazy(pages.qualityCheck);
const ReturnVisitsPage = lazy(pages['return-visits']);
const CorrectiveActionsPage = lazy(pages['corrective-actions']);
const WarningsPage = lazy(pages.warnings);
const AssessmentPage = lazy(pages.assessment);
const UnitAssessmentPage = lazy(pages.unitAssessment);
const AppealsPage = lazy(pages.appeals);
const SecurityPage = lazy(pages.security);
const AuditPage = lazy(pages.audit);
const TopicsPage = lazy(pages.topics);
const AnalysisPage = lazy(pages.analysis);
const CustomersPage = lazy(pages.customers);
const CustomerPage = lazy(pages.customer);
const LoginPage = lazy(pages.login);

/**
 * Start fetching the page the address names while the session is asked for: otherwise its chunk
 * (the workbench's table and filters) is requested only once the answer came and the shell rendered.
 */
export function prefetchPage(pathname: string): void {
  const first = pathname.split('/')[1] || 'dashboard';
  const load = pages[first as keyof typeof pages];
  // A failed early fetch is no error yet: rendering the page asks again.
  void load?.().catch(() => undefined);
}

export function ConsoleRoutes() {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <Spin fullscreen />;
  if (!user)
    return (
      <Routes>
        <Route
          path="/login"
          element={
            <Suspense fallback={<Spin fullscreen />}>
              <LoginPage />
            </Suspense>
          }
        />
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
          <Route path="/disclosures" element={<DisclosurePage />} />
          <Route path="/reports" element={<ReportsPage />} />
          <Route path="/quality" element={<QualityPage />} />
          <Route path="/quality/:id" element={<QualityCheckPage />} />
          <Route path="/return-visits" element={<ReturnVisitsPage />} />
          <Route path="/corrective-actions" element={<CorrectiveActionsPage />} />
          <Route path="/corrective-actions/:id" element={<CorrectiveActionsPage />} />
          <Route path="/warnings" element={<WarningsPage />} />
          <Route path="/warnings/:id" element={<WarningsPage />} />
          <Route path="/assessment" element={<AssessmentPage />} />
          <Route path="/assessment/units" element={<UnitAssessmentPage />} />
          <Route path="/appeals" element={<AppealsPage />} />
          <Route path="/security" element={<SecurityPage />} />
          <Route path="/admin/*" element={<AdminPage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="/topics" element={<TopicsPage />} />
          <Route path="/analysis" element={<AnalysisPage />} />
          <Route path="/customers" element={<CustomersPage />} />
          <Route path="/customers/:id" element={<CustomerPage />} />
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
