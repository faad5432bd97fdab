// A confirmed import shows its progress bar while the server writes the file.
document.querySelectorAll("form.js-import-progress").forEach(function (form) {
  form.addEventListener("submit", function () {
    var progress = form.querySelector(".js-progress");
    if (progress) {
      progress.classList.remove("d-none");
    }
    form.querySelectorAll("button[type=submit]").forEach(function (button) {
      button.disabled = true;
    });
  });
});
