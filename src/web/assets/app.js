// Small progressive enhancement; every page works without it.
// After a check or an audit, move the focus to the result so that keyboard and screen-reader
// users land on it.
document.addEventListener("DOMContentLoaded", function () {
  var result = document.getElementById("result-title");
  if (result) {
    result.focus();
  }
});
