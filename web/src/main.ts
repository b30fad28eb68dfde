// First, before any schema is used.
import './lib/zod-config';
import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { session } from './lib/session.svelte';

void session.load();

const target = document.getElementById('app');
if (!target) throw new Error('index.html must contain <div id="app">');

export default mount(App, { target });
