from django.urls import path, re_path

from django.contrib.sitemaps.views import sitemap

from archive import api, feeds, views
from archive.sitemaps import SITEMAPS

app_name = "archive"

urlpatterns = [
    path("", views.home, name="home"),
    path("documents/", views.document_list, name="document_list"),
    path("documents/export.<str:extension>", views.document_list_export, name="document_list_export"),
    path("documents/<int:pk>/", views.document_detail, name="document"),
    path("documents/<int:pk>/source", views.document_source, name="document_source"),
    path("documents/<int:pk>/cite/", views.document_cite, name="document_cite"),
    path("documents/<int:pk>/cite.<str:extension>", views.document_cite_download, name="document_cite_download"),
    path("documents/<int:pk>/compare/<int:other_pk>/", views.document_compare, name="document_compare"),
    path("search/", views.search, name="search"),
    path("search/export.<str:extension>", views.search_export, name="search_export"),
    path("search/feed.atom", views.search_feed, name="search_feed"),
    path("feed.atom", feeds.ArchiveFeed(), name="feed"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("opensearch.xml", views.opensearch, name="opensearch"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("search/help/", views.search_help, name="search_help"),
    path("api/search", api.Search.as_view(), name="api_search"),
    path("api/documents/<int:pk>", api.DocumentDetail.as_view(), name="api_document"),
    path("api/documents/<int:pk>/search", api.DocumentSearch.as_view(), name="api_document_search"),
    path("api/schema/", api.Schema.as_view(), name="api_schema"),
    path("api/", api.Docs.as_view(), name="api_docs"),
    re_path(r"^api/(?P<rest>.*)$", api.NoSuchAddress.as_view()),
]
