/** Every call the emulated Dataverse answered, so tests can assert "exactly one request per tab". */
export interface LoggedRequest {
  at: number;
  method: string;
  path: string;
  scenario: string;
  /** The page that asked: the form page (control) or the form-script frame. */
  referer: string;
  /** The path that carried it: the demo host's `x-demo-caller` header (see demo/host/webApiExecute.ts), else "fetch". */
  caller: string;
}

export class RequestLog {
  private requests: LoggedRequest[] = [];

  record(request: LoggedRequest): void {
    this.requests.push(request);
  }

  reset(): void {
    this.requests = [];
  }

  stats(): { count: number; requests: LoggedRequest[] } {
    return { count: this.requests.length, requests: [...this.requests] };
  }
}
