// The bundle's entry point. With this file present the Web Bundler bundles what it imports
// instead of every file in app/, so views that only editors open (desk.js) can be loaded on
// demand with import() and stay out of the first view (docs/web-app.md, "Budgets").
import './style.css';
import './main.js';
