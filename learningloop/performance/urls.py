app_name = "performance"

urlpatterns = []
