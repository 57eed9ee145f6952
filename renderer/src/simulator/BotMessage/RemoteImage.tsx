// An image in the chat. The renderer's Content-Security-Policy allows no remote images (and the
// simulator may be offline), so only local ones (data:, blob:, the tester's picked files) load;
// any other becomes a placeholder that names its file, rather than a broken icon.
import { useTranslation } from 'react-i18next';
import { Icon } from '../../Icon';
import { useState } from 'react';

interface Props {
  url: string | undefined;
  alt: string;
  className: string;
}

export function RemoteImage({ url, alt, className }: Props) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  if (!url || failed || !isLocalImage(url))
    return (
      <div
        className={`${className} tl-sim-image-placeholder`}
        title={url}
        role="img"
        aria-label={alt || t('simulator.image')}
      >
        <Icon name="image" size={22} />
        {url && <small>{fileName(url)}</small>}
      </div>
    );
  return <img className={className} src={url} alt={alt} onError={() => setFailed(true)} />;
}

function fileName(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  return path.slice(path.lastIndexOf('/') + 1) || url;
}

export function isLocalImage(url: string): boolean {
  return url.startsWith('data:image/') || url.startsWith('blob:');
}
