// Marks the page as scripted, so that the stylesheet hides the "Continue" button of the card page while the
// page continues by itself (without scripts that button is the only way on, so it stays).
document.documentElement.classList.add("hid-js");
