"""Readers and writers of outside formats: documents (text, HTML, PDF), contact lists (CSV, vCard), exports."""
