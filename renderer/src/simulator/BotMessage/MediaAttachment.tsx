// An image, video, audio or file the bot sent.
import { useTranslation } from 'react-i18next';
import { Icon } from '../../Icon';
import { RemoteImage } from './RemoteImage';

export function MediaAttachment({
  type,
  url,
}: {
  type: 'image' | 'video' | 'audio' | 'file';
  url: string;
}) {
  const { t } = useTranslation();
  if (type === 'image')
    return (
      <RemoteImage url={url} alt={t('simulator.imageFromBot')} className="tl-sim-media-image" />
    );
  const icon = ({ video: 'play', audio: 'play', file: 'note' } as const)[type];
  return (
    <p className="tl-sim-bubble is-bot tl-sim-file" title={url}>
      <Icon name={icon} size={14} /> {type}: {url.slice(url.lastIndexOf('/') + 1) || url}
    </p>
  );
}
