/** The desk reader's API (`cccd-reader serve`, reader/README.md "serve"): POST /v1/read with the card's MRZ data
 * or CAN and the signed-in clerk's token (`clerk_token`); the reader exchanges the clerk's token for the clerk's
 * token at the clinic's client, runs the challenge, the card read and the clinic's chip grant, and answers the
 * citizen's short-lived token and the clerk's (`staff_token`). The clinic's secret stays in the reader. */
export interface Mrz {
  /** the 12 digits printed on the card */
  number: string;
  /** YYMMDD */
  birth: string;
  /** YYMMDD, 991231 for a card without expiry */
  expiry: string;
}

export interface ReadAnswer {
  access_token: string;
  expires_in: number;
  patient: string;
  card?: { number?: string; expiry?: string };
  /** the clerk's token at the clinic's own client (web/README.md, "Clerk's token"), exchanged by the reader for
   * the `clerk_token` the page sent */
  staff_token?: string;
}

export class ReaderError extends Error {
  constructor(
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
  ) {
    super(code);
  }
}

export async function readCard(readerUrl: string, input: { mrz: Mrz } | { can: string }, clerkToken: string): Promise<ReadAnswer> {
  let response: Response;
  try {
    response = await fetch(readerUrl.replace(/\/$/, "") + "/v1/read", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...input, clerk_token: clerkToken }),
      cache: "no-store",
    });
  } catch {
    throw new ReaderError(
      "READER_UNREACHABLE",
      "Không kết nối được với đầu đọc thẻ trên máy này.",
      "The desk reader on this computer does not answer.",
    );
  }
  const body = (await response.json().catch(() => ({}))) as Partial<ReadAnswer> & {
    error?: { code?: string; message_vi?: string; message_en?: string };
  };
  if (response.ok && body.access_token && body.patient) return body as ReadAnswer;
  const e = body.error ?? {};
  throw new ReaderError(
    e.code ?? "READER_HTTP_" + response.status,
    e.message_vi ?? "Đầu đọc thẻ trả lời lỗi.",
    e.message_en ?? "The desk reader answered with an error.",
  );
}

/** YYYY-MM-DD (an <input type=date>) to the MRZ's YYMMDD. */
export function yymmdd(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? m[1].substring(2) + m[2] + m[3] : "";
}
