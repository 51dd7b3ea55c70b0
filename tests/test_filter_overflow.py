def test_a_record_number_beyond_the_database_range_in_a_model_filter_is_a_400_not_a_500(world, api):
    # SQLite cannot bind an integer beyond 2**63-1: the many-to-many filter's query once crashed (500)
    response = api(world.b.office_user).get("/api/risk/incidents/?apps=" + "9" * 39)
    assert response.status_code == 400 and "apps" in response.json()["errors"]
