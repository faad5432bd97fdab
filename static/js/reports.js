// Refresh the state of pending reports without reloading the page.
(function () {
  const table = document.getElementById("reports");
  if (!table) return;
  const pending = () =>
    [...table.querySelectorAll("tr[data-report-id]")].filter((row) =>
      ["queued", "running"].includes(row.dataset.status));

  const badge = (report) => {
    const span = document.createElement("span");
    span.className = "badge " + ({done: "text-bg-success", failed: "text-bg-danger"}[report.status] || "text-bg-secondary");
    span.textContent = report.label;
    return span;
  };

  async function refresh() {
    const rows = pending();
    if (!rows.length) return;
    const query = rows.map((row) => "id=" + row.dataset.reportId).join("&");
    try {
      const response = await fetch(table.dataset.statusUrl + "?" + query, {credentials: "same-origin"});
      if (response.ok) {
        const data = await response.json();
        for (const report of data.reports) {
          const row = table.querySelector(`tr[data-report-id="${report.id}"]`);
          if (!row) continue;
          if (report.retry && !row.querySelector(".report-download form")) {
            const form = document.getElementById("retry-form").content.firstElementChild.cloneNode(true);
            form.action = report.retry;
            row.querySelector(".report-download").replaceChildren(form);
          }
          if (row.dataset.status === report.status) continue;
          row.dataset.status = report.status;
          const state = row.querySelector(".report-state");
          state.replaceChildren(badge(report));
          if (report.error) {
            const error = document.createElement("span");
            error.className = "small text-danger report-error ms-1";
            error.textContent = report.error;
            state.append(error);
          }
          if (report.downloads && report.downloads.length) {
            const links = report.downloads.map((file, index) => {
              const link = document.createElement("a");
              link.className = index ? "btn btn-sm btn-outline-success ms-1" : "btn btn-sm btn-success";
              link.href = file.href;
              link.textContent = file.label;
              return link;
            });
            row.querySelector(".report-download").replaceChildren(...links);
          }
        }
      }
    } catch (error) {
      // The network hiccupped; the next tick tries again.
    }
    setTimeout(refresh, 2000);
  }
  setTimeout(refresh, 1000);
})();

// Show only the fields the chosen kind of report uses.
(function () {
  const form = document.getElementById("order-form");
  if (!form) return;
  const kind = form.querySelector("[name=kind]");
  const uses = {municipal: ["period", "conclusion"], school: ["school"], partnership: ["partnership"], event: ["event"]};
  const fields = ["period", "school", "partnership", "event", "conclusion"];
  function update() {
    for (const name of fields) {
      const wrapper = form.querySelector(`#div_id_${name}`);
      if (wrapper) wrapper.hidden = !(uses[kind.value] || []).includes(name);
    }
  }
  kind.addEventListener("change", update);
  update();
})();
