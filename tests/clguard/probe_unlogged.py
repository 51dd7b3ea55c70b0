"""Run by test_guard.py in a subprocess (not collected: its name does not start with test_)."""

from pathlib import Path

import appgov


def test_an_unlogged_write_by_project_code(world):
    code = "from appgov.ledger.models import Channel\nChannel.objects.filter(pk=pk).update(name='改名')\n"
    fake = str(Path(appgov.__file__).parent / "ledger" / "probe_writer.py")  # counts as project code
    exec(compile(code, fake, "exec"), {"pk": world.a.channel.pk})


def test_a_logged_write_by_project_code(world):
    from appgov.core import services

    services.update(world.a.channel, None, name="改名")
