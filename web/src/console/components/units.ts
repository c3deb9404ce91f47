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
