// Attendance pages, progressively enhanced: everything works without this file.
// - the check-in list filters as you type (the form still searches on the server);
// - the scan page reads codes with the camera where the browser has BarcodeDetector;
// - the participant's code opens full screen.
(function () {
    "use strict";

    function filterList(form) {
        var input = form.querySelector("input[type=search]");
        var list = document.getElementById(input.getAttribute("aria-controls"));
        var count = document.querySelector("[data-check-in-count]");
        var none = document.querySelector("[data-check-in-none]");
        if (!list) { return; }
        var people = list.querySelectorAll("[data-search]");
        var timer = null;
        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(function () {
                var words = input.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
                var shown = 0;
                people.forEach(function (person) {
                    var text = person.getAttribute("data-search");
                    var match = words.every(function (word) { return text.indexOf(word) !== -1; });
                    person.hidden = !match;
                    if (match) { shown += 1; }
                });
                if (none) { none.hidden = shown !== 0 || people.length === 0; }
                if (count) {
                    count.textContent = shown === 1
                        ? count.getAttribute("data-template-one")
                        : count.getAttribute("data-template-many").replace("{n}", String(shown));
                }
            }, 120);
        });
    }

    function scanWithCamera(form) {
        var start = form.querySelector("[data-scan-camera]");
        var view = document.querySelector("[data-scan-view]");
        if (!start || !view || !("BarcodeDetector" in window) || !navigator.mediaDevices) { return; }
        var video = view.querySelector("video");
        var status = view.querySelector("[data-scan-status]");
        var stop = view.querySelector("[data-scan-stop]");
        var field = form.querySelector("input[name=code]");
        var stream = null;
        var detector = null;
        start.hidden = false;

        function halt() {
            if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); }
            stream = null;
            view.hidden = true;
            start.hidden = false;
        }

        function look() {
            if (!stream) { return; }
            detector.detect(video).then(function (codes) {
                if (codes.length && codes[0].rawValue) {
                    field.value = codes[0].rawValue;
                    halt();
                    form.submit();
                    return;
                }
                window.setTimeout(look, 200);
            }, function () { window.setTimeout(look, 400); });
        }

        start.addEventListener("click", function () {
            window.BarcodeDetector.getSupportedFormats().then(function (formats) {
                if (formats.indexOf("qr_code") === -1) { throw new Error("no QR"); }
                detector = new window.BarcodeDetector({ formats: ["qr_code"] });
                return navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
            }).then(function (media) {
                stream = media;
                video.srcObject = media;
                view.hidden = false;
                start.hidden = true;
                status.textContent = status.getAttribute("data-looking");
                return video.play();
            }).then(look, function () {
                halt();
                view.hidden = false;
                stop.hidden = true;
                status.textContent = status.getAttribute("data-denied");
                field.focus();
            });
        });
        stop.addEventListener("click", halt);
    }

    function fullScreen(link) {
        var box = link.closest(".mp-code");
        if (!box || !box.requestFullscreen) { return; }
        link.hidden = false;
        link.addEventListener("click", function (event) {
            event.preventDefault();
            box.requestFullscreen();
        });
    }

    document.querySelectorAll("[data-check-in-search]").forEach(filterList);
    document.querySelectorAll("[data-scan-form]").forEach(scanWithCamera);
    document.querySelectorAll("[data-fullscreen]").forEach(fullScreen);
    var result = document.getElementById("scan-result");
    if (result) {
        // Ready for the next person: the result is announced (role status/alert) and a
        // handheld scanner that types the code lands in the field.
        var code = document.querySelector("[data-scan-form] input[name=code]");
        if (code) { code.focus(); }
    }
}());
