"""Step 4a, render pages: the checked fact base → one `Page` of complete HTML per page.

Pages skip Markdown (the hooks put their HTML in place of the rendering), and every piece of
fact-file text is escaped by `html.tag`. Links are relative (`urls.href`) and name the page's
file, so the built site works from any server path and from disk.

Model, source, licence and framework pages are rendered from a view (`models.ModelView`,
`sources.SourceView`, `licences.LicenceView`, `frameworks.FrameworkView`): a
frozen record of everything the page shows, which is also the key under which site.py keeps the
page for the next render, so a page is reused exactly when nothing it shows has changed.
"""
