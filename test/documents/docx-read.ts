import JSZip from 'jszip';

/** A .docx unzipped and read back by the tests: its paragraphs' text, tables as rows of cell texts, images, links. */
export interface ReadDocx {
  zip: JSZip;
  xml: string;
  paragraphs: string[];
  tables: string[][][];
  /** word/media/*, by name. */
  media: Map<string, Buffer>;
  /** The external hyperlinks' targets, by relationship id. */
  links: Map<string, string>;
  /** The relationship ids the document's hyperlinks use, in order. */
  linkIds: string[];
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => entities[e]!);

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join('');

export async function readDocx(bytes: Buffer): Promise<ReadDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  const media = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith('word/media/') && !zip.files[n]!.dir))
    media.set(name, await zip.file(name)!.async('nodebuffer'));
  const links = new Map<string, string>();
  for (const r of rels.matchAll(/<Relationship ([^>]*)\/>/g)) {
    const attr = (a: string) => new RegExp(`${a}="([^"]*)"`).exec(r[1]!)?.[1];
    if (attr('Type')?.endsWith('/hyperlink') && attr('TargetMode') === 'External') links.set(attr('Id')!, unescapeXml(attr('Target')!));
  }
  return {
    zip,
    xml,
    paragraphs: [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => textOf(p[0])),
    tables: [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
      [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => textOf(tc[0]))),
    ),
    media,
    links,
    linkIds: [...xml.matchAll(/<w:hyperlink [^>]*r:id="([^"]+)"/g)].map((m) => m[1]!),
  };
}
