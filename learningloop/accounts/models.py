from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models

from learningloop.core.policy import Role


class AccountManager(UserManager):
    use_in_migrations = True

    def _create_user_object(self, email, password, **extra_fields):
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.password = None
        user.set_password(password)
        return user

    def _create_user(self, email, password, **extra_fields):
        user = self._create_user_object(email, password, **extra_fields)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("roles", [Role.BU_ADMIN])
        return self._create_user(email, password, **extra_fields)

    def strategic_leads_of(self, agency_ids) -> dict[int, list["User"]]:
        """Active users with the agency strategic lead role, by agency id (an agency without one is
        absent). One query."""
        leads: dict[int, list[User]] = {}
        for user in self.filter(agency_id__in=list(agency_ids), is_active=True).order_by("pk"):
            if Role.AGENCY_LEAD in (user.roles or ()):
                leads.setdefault(user.agency_id, []).append(user)
        return leads


def validate_roles(value):
    if not isinstance(value, list) or any(r not in Role.values for r in value):
        raise ValidationError("Choose roles from the list")


class User(AbstractUser):
    """A person who signs in. Belongs to one agency (the business unit is an agency too) and has roles."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=150)
    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    roles = models.JSONField(default=list, blank=True, validators=[validate_roles])
    version = models.PositiveIntegerField(default=1, editable=False)  # guards the account edit page

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]
    objects = AccountManager()

    class Meta:
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def role_labels(self):
        return [Role(r).label for r in self.roles if r in Role.values]
