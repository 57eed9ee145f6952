// Under a `ref` trigger: its m.me link to copy and its QR code to save as PNG or SVG. Without a
// known Page the marketer types the Page's username (or id) first; it is kept in the designer's
// settings for every flow.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../hooks/useDesigner';
import { getHost } from '../host';
import './audience.css';
import { loadPage, savePage, usePage } from './pageStore';
import { download, mMeLink, pageFromInput, qrFileName, qrPngDataUrl, qrSvg } from './refLink';

export function RefLink({ refValue }: { refValue: string }) {
  const { t } = useTranslation();
  const { page } = usePage();
  const [editing, setEditing] = useState(false);
  useEffect(() => void loadPage(getHost()), []);
  if (page === undefined) return null;
  const link = mMeLink(page, refValue);
  return (
    <section className="tl-ref-link" aria-label={t('refLink.label')}>
      {(page === null || editing) && (
        <PageForm initial={page ?? ''} onDone={() => setEditing(false)} />
      )}
      {page !== null && !editing && (
        <p className="tl-muted">
          {t('refLink.page', { page })}{' '}
          <button type="button" className="tl-link-button" onClick={() => setEditing(true)}>
            {t('refLink.changePage')}
          </button>
        </p>
      )}
      {page !== null && !link && <p className="tl-muted">{t('refLink.needRef')}</p>}
      {link && <LinkAndCode link={link} refValue={refValue} />}
    </section>
  );
}

function PageForm({ initial, onDone }: { initial: string; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const page = pageFromInput(text);
    if (!page) return setError(t('refLink.badPage'));
    try {
      await savePage(getHost(), page);
      setError(null);
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form
      className="tl-ref-page"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={id}>{t('refLink.pageLabel')}</label>
      <div className="tl-input-row">
        <input
          id={id}
          value={text}
          placeholder={t('refLink.pagePlaceholder')}
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">{t('refLink.savePage')}</button>
      </div>
      <p id={`${id}-hint`} className="tl-muted">
        {t('refLink.pageHint')}
      </p>
      {error && (
        <p role="alert" className="tl-field-error">
          {error}
        </p>
      )}
    </form>
  );
}

function LinkAndCode({ link, refValue }: { link: string; refValue: string }) {
  const { t } = useTranslation();
  const flowId = useDesigner((s) => s.doc.meta.id);
  const [svg, setSvg] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void qrSvg(link).then((text) => live && setSvg(text));
    return () => {
      live = false;
    };
  }, [link]);
  const svgUrl = svg ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` : null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(t('refLink.copied'));
    } catch {
      setCopied(t('refLink.copyFailed'));
    }
  };
  return (
    <div className="tl-ref-code">
      <label className="tl-ref-url">
        <span>{t('refLink.link')}</span>
        <input readOnly value={link} onFocus={(e) => e.target.select()} />
      </label>
      <div className="tl-ref-buttons">
        <button type="button" onClick={() => void copy()}>
          {t('refLink.copy')}
        </button>
        <button
          type="button"
          disabled={!svg}
          onClick={() =>
            void qrPngDataUrl(link).then((url) =>
              download(url, qrFileName(flowId, refValue, 'png')),
            )
          }
        >
          {t('refLink.savePng')}
        </button>
        <button
          type="button"
          disabled={!svgUrl}
          onClick={() => svgUrl && download(svgUrl, qrFileName(flowId, refValue, 'svg'))}
        >
          {t('refLink.saveSvg')}
        </button>
      </div>
      <p role="status" className="tl-muted">
        {copied}
      </p>
      {svgUrl && (
        <img
          className="tl-ref-qr"
          src={svgUrl}
          alt={t('refLink.qrAlt', { link })}
          width={160}
          height={160}
        />
      )}
    </div>
  );
}
