// Behaviours that pages ask for through data- attributes; the Content-Security-Policy
// allows no inline scripts or handlers, so every page's JavaScript lives in static files.

// <select data-navigate>: choosing an option goes to the address in its value.
document.querySelectorAll("select[data-navigate]").forEach((select) => {
  select.addEventListener("change", () => {
    if (select.value) window.location = select.value;
  });
});

// <form data-confirm="question">: the form is sent only if the user agrees.
document.querySelectorAll("form[data-confirm]").forEach((form) => {
  form.addEventListener("submit", (event) => {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  });
});
