// The console's one module, a convenience only: every page works without it. A typed confirmation
// (data-must-equal, e.g. deleting a user) keeps its form's button disabled until the text matches; the
// server checks the same text again.
for (const input of document.querySelectorAll("input[data-must-equal]")) {
  const button = input.form.querySelector("button[type=submit]");
  const update = () => { button.disabled = input.value !== input.dataset.mustEqual; };
  input.addEventListener("input", update);
  update();
}
