// Reading what a person entered in rendered Block Kit elements, and keeping it across a redraw.
(function (root) {
  'use strict';

  /** The value(s) entered in one element: { value } or { values } (checkboxes, multi-selects). */
  function readElement(node) {
    const type = node.dataset.type;
    if (node.tagName === 'SELECT') {
      if (node.multiple) return { values: Array.from(node.selectedOptions, (o) => o.value).filter(Boolean) };
      return { value: node.value || null };
    }
    if (node.classList.contains('choices')) {
      const checked = Array.from(node.querySelectorAll('input:checked'), (i) => i.value);
      return type === 'checkboxes' ? { values: checked } : { value: checked[0] || null };
    }
    if (type === 'datetimepicker') {
      return { value: node.value ? String(Math.floor(new Date(node.value).getTime() / 1000)) : null };
    }
    return { value: node.value === '' ? null : node.value };
  }

  /** Every input block's element of a modal, as { block_id: { action_id: {value|values} } }. */
  function readForm(form) {
    const fields = {};
    for (const node of form.querySelectorAll('[data-field]')) {
      const block = node.dataset.blockId;
      fields[block] = Object.assign(fields[block] || {}, { [node.dataset.actionId]: readElement(node) });
    }
    return fields;
  }

  /** What is typed in a form now, to put back after the form is drawn again. */
  function captureForm(form) {
    const kept = {};
    for (const node of form.querySelectorAll('[data-field]')) kept[`${node.dataset.blockId}/${node.dataset.actionId}`] = readElement(node);
    return kept;
  }

  /** Puts captured values back into the fields that still exist. */
  function restoreForm(form, kept) {
    for (const node of form.querySelectorAll('[data-field]')) {
      const entry = kept[`${node.dataset.blockId}/${node.dataset.actionId}`];
      if (!entry) continue;
      const values = entry.values || (entry.value == null ? [] : [entry.value]);
      if (node.tagName === 'SELECT') {
        for (const option of node.options) option.selected = values.includes(option.value);
      } else if (node.classList.contains('choices')) {
        for (const input of node.querySelectorAll('input')) input.checked = values.includes(input.value);
      } else if (node.dataset.type === 'datetimepicker') {
        node.value = values[0] ? root.SandboxElements.localDateTime(Number(values[0])) : '';
      } else {
        node.value = values[0] || '';
      }
    }
  }

  root.SandboxForms = { readElement, readForm, captureForm, restoreForm };
})(self);
