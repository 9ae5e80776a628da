// GET /admin/export?what=audit&from=2026-07-01&to=2026-09-30 with `Authorization: Bearer <ADMIN_TOKEN>`:
// the CLI's CSV exports over HTTP, streamed (chunked) straight from the database pages. A Bolt
// custom route, so it is served by the HTTP receiver in HTTP mode and by Bolt's own HTTP server
// (installerOptions.port) in Socket Mode.
//   404  no ADMIN_TOKEN configured (the endpoint does not exist)
//   401  no bearer token, or a wrong one (compared in constant time)
//   400  bad parameters, with the reason as plain text
//   500  the export could not start (e.g. the database is down); a failure mid-stream cuts the
//        response off (no final chunk), so a client never mistakes a partial file for a whole one

import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { ExportContext } from '../export/context.ts';
import { type CsvTable, type CsvValue, writeCsv } from '../export/csv.ts';
import { exportFileName, parseExportRequest } from '../export/range.ts';
import { exportTable } from '../export/tables.ts';
import type { Logger } from '../logger.ts';

export const EXPORT_PATH = '/admin/export';

export interface ExportRouteOptions {
  /** ADMIN_TOKEN; undefined turns the endpoint off (404). */
  adminToken: string | undefined;
  /** A context per request (its `now` is the moment of the request). */
  context(): ExportContext;
  logger: Logger;
}

export function exportRoute(options: ExportRouteOptions): CustomRoute {
  return {
    path: EXPORT_PATH,
    method: ['GET'],
    handler: (req, res) => {
      handleExport(options, req, res).catch((error: unknown) => {
        options.logger.error('export request failed', { error });
        if (!res.headersSent) plain(res, 500, 'The export failed.');
        else res.destroy();
      });
    },
  };
}

async function handleExport(
  options: ExportRouteOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { adminToken } = options;
  if (adminToken === undefined) return plain(res, 404, 'Not found.');
  if (!bearerMatches(req.headers.authorization, adminToken)) {
    res.setHeader('www-authenticate', 'Bearer realm="booking-desk"');
    return plain(res, 401, 'An admin bearer token is required: Authorization: Bearer <ADMIN_TOKEN>.');
  }
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const parsed = parseExportRequest({
    what: query.get('what') ?? undefined,
    from: query.get('from') ?? undefined,
    to: query.get('to') ?? undefined,
  });
  if (!parsed.ok) return plain(res, 400, `Bad export request: ${parsed.message}.`);

  const table = await withFirstPage(exportTable(options.context(), parsed.request));
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${exportFileName(parsed.request)}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  try {
    const rows = await writeCsv(table, res);
    res.end();
    options.logger.info('export sent', { what: parsed.request.what, ...rangeOf(parsed.request), rows });
  } catch (error) {
    // Headers are gone: cut the response off so the client sees it incomplete.
    options.logger.warn('export cut off', { error, what: parsed.request.what });
    res.destroy();
  }
}

/** Reads the first page before answering, so a database that is down gives a 500, not a broken 200. */
async function withFirstPage(table: CsvTable): Promise<CsvTable> {
  const iterator = table.pages[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* pages(): AsyncGenerator<readonly (readonly CsvValue[])[]> {
    try {
      if (first.done) return;
      yield first.value;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // A client gone mid-way ends this generator early: end the query generator with it.
      await iterator.return?.();
    }
  }
  return { header: table.header, pages: pages() };
}

/** Constant time whatever the token: both sides are hashed to the same length before comparing. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const presented = createHash('sha256')
    .update(match?.[1] ?? '')
    .digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(presented, expected) && match !== null;
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${text}\n`);
}

function rangeOf(request: { range: { from: string; to: string } }) {
  return { from: request.range.from, to: request.range.to };
}
