// Editing one side of a comparison: the one-run page's scenario editor on that side's scenario. Load
// turns the edit into the side's share link (POST /api/scenario/link, which validates it: every problem
// beside its field) and hands it to the comparison, which becomes a custom one (a= and b= in its link).
import { editorView } from './editor.js';

/**
 * @param scenarioOf name => that side's loaded scenario, or null when it has none to edit (a trace)
 * @param onEdited (name, link, label) the side's new link
 */
export function compareEditView(el, { defaults, scenarioOf, onEdited }) {
  el.innerHTML = `<details class="panel edit-sides" data-role="edit-sides"><summary>edit a side</summary>
    <p class="edit-which"><button type="button" data-edit="A">edit A</button> <button type="button" data-edit="B">edit B</button>
      <span data-role="editing"></span></p>
    <div data-role="side-editor" hidden></div></details>`;
  const box = el.querySelector('[data-role="side-editor"]');
  const editing = el.querySelector('[data-role="editing"]');
  let side = null;
  const editor = editorView(box, {
    defaults,
    onLoad: scenario => submit(scenario),
    onPreset: preset => editor.setScenario(preset.scenario),
  });
  fetch('/api/presets').then(r => (r.ok ? r.json() : [])).then(list => editor.setPresets(list)).catch(() => {});

  el.addEventListener('click', ev => {
    const name = ev.target.closest('[data-edit]')?.dataset.edit;
    const scenario = name ? scenarioOf(name) : null;
    if (!scenario) return;
    side = name;
    editor.clearErrors();
    editor.setScenario(scenario);
    box.hidden = false;
    editing.textContent = `editing ${name}: Load scenario puts it in pane ${name}, and the comparison becomes your own.`;
  });

  async function submit(scenario) {
    const res = await fetch('/api/scenario/link', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(scenario),
    });
    const body = await res.json().catch(() => ({ message: `HTTP ${res.status}` }));
    if (!res.ok) { editor.showError(body); return; }
    onEdited(side, body.link, scenario.name || `custom ${side}`);
  }

  return {
    /** A side with nothing to edit (an uploaded trace) has its button disabled. */
    update() {
      for (const b of el.querySelectorAll('[data-edit]')) b.disabled = !scenarioOf(b.dataset.edit);
    },
  };
}
