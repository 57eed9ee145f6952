export function EndForm() {
  return (
    <p className="tl-muted">The conversation stops here; the next message starts a trigger.</p>
  );
}
