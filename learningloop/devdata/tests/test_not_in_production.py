"""Demo data and the generator are for development and tests only: production does not install them."""

from learningloop.core.tests.test_deploy_checks import _manage, _production_env


def test_production_has_no_demo_commands_and_no_devdata_app():
    result = _manage(
        "shell",
        "-c",
        "from django.apps import apps; print('devdata:', apps.is_installed('learningloop.devdata'))",
        env=_production_env(),
    )
    assert result.returncode == 0, result.stderr
    assert "devdata: False" in result.stdout
    for command in ("seed_demo", "generate_large_partnership"):
        result = _manage(command, "--help", env=_production_env())
        assert result.returncode != 0
        assert f"Unknown command: '{command}'" in result.stderr


def test_development_settings_have_the_demo_commands():
    from django.apps import apps
    from django.core.management import get_commands

    assert apps.is_installed("learningloop.devdata")
    assert get_commands()["seed_demo"] == "learningloop.devdata"
    assert get_commands()["generate_large_partnership"] == "learningloop.devdata"
