// Presenting, the whole of Figure 1 should be on the projector's screen. When the figure laid out at the
// presentation font is taller than the room under the controls, it is laid out again a pixel smaller,
// down to the page's own font, rather than scaled: the layout measures its text at the size it is drawn
// at (layout-parts.js), so a figure is never shrunk as a picture.

/**
 * @param layoutAt font => the figure's layout at that font (with its height)
 * @param font     the font asked for
 * @param room     the height it should fit in, or 0 for no limit
 * @param minFont  the smallest font it may use
 * @returns { geo, font } the layout and the font it was made at
 */
export function fitToHeight(layoutAt, font, room, minFont) {
  let f = font;
  let geo = layoutAt(f);
  while (room > 0 && geo.height > room && f > minFont) {
    f -= 1;
    geo = layoutAt(f);
  }
  return { geo, font: f };
}
