/** SVG chart → PNG bytes with resvg (no browser, no native canvas), for Word documents. */
import { Resvg } from '@resvg/resvg-js';

export function svgToPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width * 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
    background: '#ffffff',
  });
  return Buffer.from(resvg.render().asPng());
}
