// Facts about the workspace the bot is installed in, fetched once: its URL makes permalinks
// without a Web API call on the ack path.

import type { WebClient } from '@slack/web-api';

export class Workspace {
  private url: Promise<string | null> | null = null;

  constructor(private readonly client: WebClient) {}

  private workspaceUrl(): Promise<string | null> {
    this.url ??= this.client.auth
      .test()
      .then((answer) => (typeof answer.url === 'string' ? answer.url : null))
      .catch(() => {
        this.url = null;
        return null;
      });
    return this.url;
  }

  /** https://<domain>.slack.com/archives/<channel>/p<ts without dot>, or null when unknown. */
  async permalink(channel: string, ts: string | null): Promise<string | null> {
    if (!ts) return null;
    const base = await this.workspaceUrl();
    if (!base) return null;
    return `${base.endsWith('/') ? base : `${base}/`}archives/${channel}/p${ts.replace('.', '')}`;
  }
}
