// Starts Swagger UI on the API's OpenAPI document. A file of its own, not an inline script: the pages' CSP allows
// scripts from this origin only. The validator badge is off, since it would send the document to a third party.
window.addEventListener("load", function () {
    window.ui = SwaggerUIBundle({
        url: new URL("../openapi", window.location.href).href,
        dom_id: "#swagger-ui",
        deepLinking: true,
        validatorUrl: null,
        presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
        plugins: [SwaggerUIBundle.plugins.DownloadUrl],
        layout: "StandaloneLayout"
    });
});
