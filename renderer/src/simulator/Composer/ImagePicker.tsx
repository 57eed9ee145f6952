// "Sending" an image: a URL, or a file picked from disk and shown from a local blob: URL (the file
// never leaves the machine; the engine only sees the URL, as it would see Messenger's CDN URL).
import { useTranslation } from 'react-i18next';
import { useState, type FormEvent } from 'react';
import { useSimulatorStore } from '../store';
import { userEvents } from '../userEvents';

export function ImagePicker({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const simulator = useSimulatorStore();
  const [url, setUrl] = useState('');
  const send = (imageUrl: string) => {
    onDone();
    void simulator.getState().send(userEvents.image(imageUrl));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (url.trim()) send(url.trim());
  };
  return (
    <form
      className="tl-sim-sheet tl-sim-image-picker"
      onSubmit={submit}
      aria-label={t('simulator.attachImage')}
    >
      <label>
        {t('simulator.imageUrl')}
        <input
          type="url"
          value={url}
          placeholder="https://example.com/photo.jpg"
          onChange={(e) => setUrl(e.target.value)}
        />
      </label>
      <div className="tl-sim-sheet-actions">
        <label className="tl-sim-file-button">
          {t('simulator.chooseFile')}
          <input
            type="file"
            accept="image/*"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) send(URL.createObjectURL(file));
            }}
          />
        </label>
        <button type="submit" disabled={!url.trim()}>
          {t('simulator.attach')}
        </button>
      </div>
    </form>
  );
}
