// The number, date and duration formats of the current UI language (src/i18n/format.ts).
import { useTranslation } from 'react-i18next';
import { formatsFor, type Formats } from '../i18n/format';

export function useFormats(): Formats {
  const { i18n } = useTranslation();
  return formatsFor(i18n.language);
}
