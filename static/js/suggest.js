// Suggestions for the inputs that find an object by its name (core/found.py): as one
// types, the names that match are fetched and offered in the input's datalist.
(function () {
  "use strict";
  function attach(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    var asked = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = input.value.trim();
        if (text.length < 2 || text === asked) { return; }
        asked = text;
        var url = input.dataset.suggestUrl + "?q=" + encodeURIComponent(text);
        fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { names: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.names.map(function (name) {
              var option = document.createElement("option");
              option.value = name;
              return option;
            }));
          })
          .catch(function () { /* the input still works without suggestions */ });
      }, 250);
    });
  }
  document.querySelectorAll("input[data-suggest-url]").forEach(attach);
})();
