// The settings `npm run dev` runs the app with: the embedded server behind the Vite dev server's proxy, on one
// origin (see scripts/dev.ts). A deployment writes its own /env-config.js; the build's copy of this file is
// never served (the embedded server and the container image answer /env-config.js themselves).
// For the HCP Terraform flavor, replace the first line with REACT_APP_TOKEN_BACKEND: "tfe" and
// REACT_APP_TFE_API_URL: "/api/v2/".
window._env_ = {
  REACT_APP_TERRAKUBE_API_URL: "http://localhost:5173/api/v1/",
  REACT_APP_AUTHORITY: "http://localhost:5173/oidc",
  REACT_APP_CLIENT_ID: "token-settings",
  REACT_APP_REDIRECT_URI: "http://localhost:5173/",
  REACT_APP_SCOPE: "email openid profile offline_access groups",
  REACT_APP_TOKEN_BACKEND: "terrakube",
};
