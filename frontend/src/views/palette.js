// Okabe–Ito: eight colours told apart by every common form of colour blindness.
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#0072B2', '#D55E00', '#CC79A7', '#F0E442', '#000000'];

/** A job's colour: by the task's name among the scenario's jobs, else by the first job on its CPU. */
export function jobColour(scenario, item) {
  const jobs = (scenario && scenario.jobs) || [];
  const comm = item.comm;
  let i = jobs.findIndex(j => j.name === comm);
  if (i < 0 && comm == null) i = jobs.findIndex(j => !Array.isArray(j.cpus) || j.cpus.includes(item.cpu));
  if (i < 0) i = [...String(comm ?? '')].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  return OKABE_ITO[i % OKABE_ITO.length];
}

export const isWrite = item => (item.rwbs || '').includes('W');

/** Black or white, whichever reads better on a fill: a request's label on its job's colour. */
export function inkOn(fill) {
  const [r, g, b] = [1, 3, 5].map(i => parseInt(fill.slice(i, i + 2), 16) / 255)
    .map(c => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast against black is (L + 0.05) / 0.05, against white 1.05 / (L + 0.05): pick the larger.
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}
