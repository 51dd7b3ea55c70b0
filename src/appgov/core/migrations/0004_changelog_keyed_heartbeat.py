from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0003_person_senior_management")]

    operations = [
        # Entries written before this migration keep the unkeyed scheme 1 and still verify; new ones are keyed.
        migrations.AddField(
            model_name="changelogentry",
            name="hash_scheme",
            field=models.PositiveSmallIntegerField(default=1),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="changelogentry",
            name="hash_scheme",
            field=models.PositiveSmallIntegerField(default=2),
        ),
        migrations.AddField(
            model_name="changeloghead",
            name="mac",
            field=models.CharField(blank=True, default="", max_length=64),
        ),
        migrations.CreateModel(
            name="ProcessHeartbeat",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, unique=True)),
                ("kind", models.CharField(max_length=20)),
                ("queue", models.CharField(blank=True, max_length=32)),
                ("pid", models.PositiveIntegerField(null=True)),
                ("host", models.CharField(blank=True, max_length=200)),
                ("beat_at", models.DateTimeField(db_index=True)),
            ],
        ),
    ]
