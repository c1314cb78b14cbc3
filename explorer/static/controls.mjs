// The settings form: what the reader asks for goes into the state (state.asked); the form shows
// what was asked. The figures shown follow from the state, never from the form directly.
import { checkNumber, choiceOf, optionLabel, parameterOf, sameSetting, unusedWith, valueText } from "./settings.mjs";

export function bindControls(root, registry, actions) {
  const inputs = new Map(); // parameter -> { range, number, control, error }
  for (const p of registry.parameters) {
    const $ = (prefix) => root.querySelector(`#${prefix}-${p.name}`);
    inputs.set(p.name, { range: $("r"), number: $("n"), control: $("c"), error: $("e") });
  }
  const choiceInputs = new Map();
  for (const c of registry.choices) {
    choiceInputs.set(c.name, { radios: [...root.querySelectorAll(`input[type="radio"][data-choice="${c.name}"]`)], control: root.querySelector(`#c-${c.name}`) });
  }
  const presets = [...root.querySelectorAll('input[name="ex-scenario"]')];
  const groups = [...root.querySelectorAll("details.ex-group")];

  function fieldError(name, text) {
    const { number, error } = inputs.get(name);
    error.textContent = text;
    error.hidden = !text;
    number.setAttribute("aria-invalid", text ? "true" : "false");
  }

  root.addEventListener("input", (event) => {
    const target = event.target;
    const param = parameterOf(registry, target.dataset?.param ?? "");
    if (!param) return;
    if (target.type === "range") {
      fieldError(param.name, "");
      actions.setValue(param.name, Number(target.value), event.timeStamp);
      return;
    }
    const checked = checkNumber(registry, param, target.value);
    if ("value" in checked) {
      fieldError(param.name, "");
      actions.setValue(param.name, checked.value, event.timeStamp);
    } else fieldError(param.name, `This value is not used: ${checked.rule}.`);
  });

  // Leaving a box holding a value that cannot be used puts back the value in use.
  root.addEventListener("change", (event) => {
    const target = event.target;
    const param = parameterOf(registry, target.dataset?.param ?? "");
    if (param && target.type === "number" && !("value" in checkNumber(registry, param, target.value))) {
      target.value = String(actions.asked().values[param.name]);
      fieldError(param.name, "");
    }
    const choice = choiceOf(registry, target.dataset?.choice ?? "");
    if (choice && target.checked) actions.setValue(choice.name, target.value, event.timeStamp);
    if (target.name === "ex-scenario" && target.checked) actions.setScenario(target.value, event.timeStamp);
  });

  root.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button || !root.contains(button)) return;
    const { resetChoice, reset, param, value } = button.dataset;
    if (resetChoice) {
      const c = choiceOf(registry, resetChoice);
      actions.setValue(c.name, c.defaults[actions.asked().scenario], event.timeStamp);
      choiceInputs.get(c.name).radios.find((r) => r.checked)?.focus();
    } else if (reset) {
      const p = parameterOf(registry, reset);
      fieldError(p.name, "");
      actions.setValue(p.name, p.defaults[actions.asked().scenario], event.timeStamp);
      inputs.get(p.name).number.focus();
    } else if (button.classList.contains("ex-use-report")) {
      actions.setValue(param, Number(value), event.timeStamp);
    }
  });

  root.querySelector("#ex-settings").addEventListener("submit", (event) => event.preventDefault());

  // What each control last showed: a change updates only the controls it concerns.
  const shown = new Map();
  const same = (name, value, scenario, values) => {
    const last = shown.get(name);
    return last && last.value === value && last.scenario === scenario && last.values === values;
  };

  /** Show what was asked: values, choices, the preset, and which settings differ from it. */
  function sync(asked) {
    const active = document.activeElement;
    // A choice can make other settings unused: with a choice changed, every number is looked at.
    const choiceKey = registry.choices.map((c) => asked.values[c.name]).join("|");
    for (const p of registry.parameters) {
      const { range, number, control } = inputs.get(p.name);
      const value = asked.values[p.name];
      if (same(p.name, value, asked.scenario, choiceKey) && number !== active) continue;
      shown.set(p.name, { value, scenario: asked.scenario, values: choiceKey });
      if (range !== active || Number(range.value) !== value) range.value = String(value);
      // The box being typed in keeps what the reader typed ("1." on the way to "1.5", or a
      // value being corrected), unless the setting has since changed some other way.
      if (number !== active) number.value = String(value);
      else {
        const typed = checkNumber(registry, p, number.value);
        if ("value" in typed && !sameSetting(typed.value, value)) number.value = String(value);
      }
      const changed = !sameSetting(value, p.defaults[asked.scenario]);
      control.classList.toggle("ex-changed", changed);
      control.querySelector(".ex-reset").hidden = !changed;
      for (const el of control.querySelectorAll(".ex-default")) el.textContent = valueText(p, p.defaults[asked.scenario]);
      const unused = unusedWith(p, asked.values);
      control.querySelector(".ex-not-used").hidden = !unused;
      control.classList.toggle("ex-unused", unused);
    }
    for (const c of registry.choices) {
      const { radios, control } = choiceInputs.get(c.name);
      if (same(c.name, asked.values[c.name], asked.scenario, "")) continue;
      shown.set(c.name, { value: asked.values[c.name], scenario: asked.scenario, values: "" });
      for (const radio of radios) radio.checked = radio.value === asked.values[c.name];
      const changed = asked.values[c.name] !== c.defaults[asked.scenario];
      control.classList.toggle("ex-changed", changed);
      control.querySelector(".ex-reset").hidden = !changed;
      control.querySelector(".ex-default").textContent = optionLabel(c, c.defaults[asked.scenario]);
    }
    for (const radio of presets) radio.checked = radio.value === asked.scenario;
    for (const group of groups) {
      const n = group.querySelectorAll(".ex-control.ex-changed").length;
      const badge = group.querySelector(".ex-changed-count");
      const text = n === 1 ? "1 changed" : `${n} changed`;
      if (badge.hidden !== (n === 0)) badge.hidden = n === 0;
      if (badge.textContent !== text) badge.textContent = text;
    }
  }

  /** Unfold the groups holding changed settings, so the reader sees what a link changed. */
  function openChanged() {
    for (const control of root.querySelectorAll(".ex-control.ex-changed")) control.closest("details.ex-group").open = true;
  }

  return { sync, openChanged, clearErrors: () => registry.parameters.forEach((p) => fieldError(p.name, "")) };
}
