import { t } from '../i18n';

/** The file's name for the title and status bar ("Untitled" before the first save). */
export function fileName(path: string | null): string {
  if (!path) return t('app.untitled');
  return path.split(/[\\/]/).pop() || path;
}
