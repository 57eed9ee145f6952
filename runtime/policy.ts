// Messenger's policy enforcement (webhook key `policy-enforcement`): Meta blocks a Page's app from
// messaging, or lifts the block, with a reason. The runtime cannot answer anyone while blocked, so
// the latest notice is kept here for /healthz and /metrics, and each one is logged as an error.

export interface PolicyNotice {
  /** `block` or `unblock` as Meta sends it (other values are kept as they came). */
  action: string;
  reason?: string;
  /** ms epoch, when the runtime received it. */
  at: number;
}

export class PolicyStatus {
  private last: PolicyNotice | undefined;

  record(notice: PolicyNotice): void {
    this.last = notice;
  }

  /** The latest notice, if Meta ever sent one since start-up. */
  latest(): PolicyNotice | undefined {
    return this.last;
  }

  blocked(): boolean {
    return this.last?.action === 'block';
  }
}
