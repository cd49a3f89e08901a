// The console's one module: conveniences only, every page works without it. It submits the tenant picker
// on change and keeps a typed-confirmation button disabled until the text matches.
for (const select of document.querySelectorAll("select[data-autosubmit]")) {
  select.addEventListener("change", () => select.form.requestSubmit());
}
for (const input of document.querySelectorAll("input[data-must-equal]")) {
  const button = input.form.querySelector("button[type=submit]");
  const update = () => { button.disabled = input.value !== input.dataset.mustEqual; };
  input.addEventListener("input", update);
  update();
}
