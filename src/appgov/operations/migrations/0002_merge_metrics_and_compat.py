from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("operations", "0001_experience_accounts_compat"),
        ("operations", "0001_metrics_rationalisation"),
    ]

    operations = []
