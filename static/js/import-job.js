// A long import's page: polls its state and moves the progress bar until it is over.
(function () {
  const box = document.getElementById("import-job");
  if (!box) return;
  const bar = box.querySelector(".js-job-bar");
  const show = (job) => {
    // Width set from script: the Content-Security-Policy refuses inline styles.
    bar.style.width = job.percent + "%";
    bar.parentElement.setAttribute("aria-valuenow", job.percent);
    box.querySelector(".js-job-percent").textContent = job.percent;
    box.querySelector(".js-job-state").textContent = job.state_label;
    const message = box.querySelector(".js-job-message");
    message.textContent = job.message;
    if (job.finished) {
      bar.classList.remove("progress-bar-striped", "progress-bar-animated");
      bar.classList.add(job.state === "done" ? "bg-success" : "bg-danger");
      message.className = "js-job-message alert " + (job.state === "done" ? "alert-success" : "alert-danger");
    }
  };
  bar.style.width = bar.dataset.percent + "%";
  if (box.dataset.finished === "1") return;

  async function refresh() {
    try {
      const response = await fetch(box.dataset.statusUrl, {credentials: "same-origin"});
      if (response.ok) {
        const job = await response.json();
        show(job);
        if (job.finished) return;
      }
    } catch (error) {
      // The network hiccupped; the next tick tries again.
    }
    setTimeout(refresh, 1000);
  }
  setTimeout(refresh, 500);
})();
