// One page, two faces: /?compare=<id> shows two runs side by side (compare-main.js); anything else is
// the one-run page (main.js). Chosen here so that neither has to know about the other.
const compare = new URLSearchParams(location.search).has('compare');
import(compare ? './compare-main.js' : './main.js');
