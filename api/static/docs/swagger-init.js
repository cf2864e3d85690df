// Swagger UI over this API's own spec; no validator badge, so nothing is fetched elsewhere.
window.ui = window.SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  layout: "BaseLayout",
  presets: [window.SwaggerUIBundle.presets.apis],
});
