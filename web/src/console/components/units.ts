import { useApi } from '../../api/hooks';
import { useI18n } from '../../i18n';

/** The organisation's units, named in the user's language (GET /units through the shared cache). */
export function useUnits() {
  const { locale } = useI18n();
  const q = useApi('/units', {}, { staleTime: 5 * 60_000 });
  const units = q.data?.items ?? [];
  return units.map((u) => ({
    ...u,
    label: locale === 'en' && u.nameEn ? u.nameEn : u.name,
  }));
}

/**
 * A unit's name in the user's language, looked up by id in the units list; the name the response
 * gave until the list is loaded, or for a unit it does not hold.
 */
export function useUnitName(): (id: number | null | undefined, given: string | null | undefined) => string {
  const units = useUnits();
  return (id, given) => units.find((u) => u.id === id)?.label ?? given ?? '—';
}

/** `陈坐席 · 客服中心`: a member of staff as the pickers name them, the unit in the user's language. */
export function useStaffLabel(): (m: { displayName: string; unitId: number; unitName: string }) => string {
  const unitName = useUnitName();
  return (m) => `${m.displayName} · ${unitName(m.unitId, m.unitName)}`;
}
