"""Public URLs of digest links (unprefixed: the reader's language comes from their profile)."""

from django.urls import path

from reviews import views

app_name = "reviews"
urlpatterns = [
    path("review/<str:token>/", views.mark_reviewed, name="mark_reviewed"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
]
