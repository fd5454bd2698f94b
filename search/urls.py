"""Search URLs, mounted under each locale prefix: /de/suche/, /ar/suche/, …"""

from django.urls import path

from search import views

urlpatterns = [
    path("suche/", views.search_page, name="search"),
    path("suche/api/", views.search_api, name="search_api"),
    path("suche/vorschlaege/", views.suggest_api, name="search_suggest"),
]
