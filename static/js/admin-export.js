// The admin export page's "select all" toggle, wired here rather than by an inline
// onchange handler (which the Content-Security-Policy refuses); onSelectToggleChange
// comes from django-import-export's export_selectable_fields.js.
document.querySelectorAll("input.select-toggle").forEach((toggle) => {
  toggle.addEventListener("change", onSelectToggleChange);
});
