import { useTranslation } from 'react-i18next';

export function EndForm() {
  const { t } = useTranslation();
  return <p className="tl-muted">{t('forms.endNote')}</p>;
}
