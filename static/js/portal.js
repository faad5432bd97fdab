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

// <table class="table-stack">: on a phone each row becomes a card (see portal.css). Each
// cell is given its column's name to show beside it, and the table keeps its roles for
// screen readers, which CSS display changes would otherwise take away.
document.querySelectorAll("table.table-stack").forEach((table) => {
  const headers = [...table.querySelectorAll("thead th")].map((th) =>
    th.querySelector(".visually-hidden") ? "" : th.textContent.trim(),
  );
  table.setAttribute("role", "table");
  table.querySelectorAll("thead, tbody, tfoot").forEach((group) => group.setAttribute("role", "rowgroup"));
  table.querySelectorAll("tr").forEach((row) => {
    row.setAttribute("role", "row");
    let column = 0;
    [...row.children].forEach((cell) => {
      const inHead = cell.parentElement.parentElement.tagName === "THEAD";
      cell.setAttribute("role", inHead ? "columnheader" : cell.tagName === "TH" ? "rowheader" : "cell");
      if (!inHead && headers[column]) cell.dataset.label = headers[column];
      column += cell.colSpan || 1;
    });
  });
});

// The bell in the menu: how many notifications are unread, asked once per page.
(function () {
  const bell = document.getElementById("bell");
  if (!bell) return;
  fetch(bell.dataset.unreadUrl, {credentials: "same-origin"})
    .then((response) => (response.ok ? response.json() : null))
    .then((data) => {
      if (!data || !data.unread) return;
      const count = document.getElementById("bell-count");
      count.textContent = data.unread;
      count.classList.remove("d-none");
      count.setAttribute("aria-hidden", "true");
      const label = document.getElementById("bell-label");
      // The Russian plural form for the count: data-one «1 …», data-few «2 …», data-many «5 …».
      const form = new Intl.PluralRules(document.documentElement.lang || "ru").select(data.unread);
      const text = label.dataset[form] || label.dataset.many;
      label.textContent = ", " + text.replace(/\d+/, String(data.unread));
    })
    .catch(() => {});
})();
